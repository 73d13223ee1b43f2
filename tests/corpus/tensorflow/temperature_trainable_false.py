# gradrepl-corpus: target=temperature cause=untrainable_variable line=5 symptom=grad_none
import tensorflow as tf

encoder = tf.keras.Sequential([tf.keras.Input((10,)), tf.keras.layers.Dense(8)])
temperature = tf.Variable(0.07, trainable=False, name="temperature")
opt = tf.keras.optimizers.Adam(1e-3)


def info_nce(a, b):
    a = tf.math.l2_normalize(a, axis=1)
    b = tf.math.l2_normalize(b, axis=1)
    logits = tf.matmul(a, b, transpose_b=True) / temperature
    labels = tf.range(tf.shape(a)[0])
    return tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))


x = tf.random.normal((8, 10))
with tf.GradientTape() as tape:
    za = encoder(x + 0.1 * tf.random.normal(tf.shape(x)))
    zb = encoder(x + 0.1 * tf.random.normal(tf.shape(x)))
    loss = info_nce(za, zb)
params = encoder.trainable_variables + [temperature]
grads = tape.gradient(loss, params)
print([g is None for g in grads])
