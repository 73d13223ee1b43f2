# gradrepl-corpus: target=embed.trainable_variables cause=nan_at_singularity line=11 symptom=grad_nan
import tensorflow as tf

embed = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(4)])
x = tf.random.normal((6, 5))
labels = tf.constant([0, 0, 1, 1, 2, 2])


def pairwise_distances(e):
    diff = tf.expand_dims(e, 1) - tf.expand_dims(e, 0)
    return tf.sqrt(tf.reduce_sum(tf.square(diff), axis=-1))


with tf.GradientTape() as tape:
    e = embed(x)
    d = pairwise_distances(e)
    same = tf.cast(tf.equal(tf.expand_dims(labels, 1), tf.expand_dims(labels, 0)), tf.float32)
    loss = tf.reduce_mean(same * d + (1.0 - same) * tf.nn.relu(1.0 - d))
grads = tape.gradient(loss, embed.trainable_variables)
print([bool(tf.reduce_any(tf.math.is_nan(g))) for g in grads])
