# gradrepl-corpus: target=model.trainable_variables cause=non_differentiable_op line=10 symptom=error
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
opt = tf.keras.optimizers.Adam()
x = tf.random.normal((100, 4))
output = tf.cast(tf.random.uniform((100, 1)) > 0.5, tf.float32)

def custom_loss(output, prediction):
    correct_count = tf.math.count_nonzero(tf.math.equal(tf.round(prediction), output))
    incorrect_count = prediction.shape[0] - correct_count
    return tf.cast(incorrect_count, tf.float32) / prediction.shape[0]

with tf.GradientTape() as tape:
    loss = custom_loss(output, model(x))
grads = tape.gradient(loss, model.trainable_weights)
opt.apply_gradients(zip(grads, model.trainable_weights))
