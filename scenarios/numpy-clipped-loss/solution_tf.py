"""Train a regressor with a robust loss: squared errors clipped at 4."""
import keras
import tensorflow as tf


def clipped_mse(pred, target, limit=4.0):
    # tf.clip_by_value clips inside the tape, so the loss stays connected
    return tf.reduce_mean(tf.clip_by_value((pred - target) ** 2, 0.0, limit))


keras.utils.set_random_seed(0)
x = tf.random.normal([128, 3])
noise = 0.3 * tf.random.normal([128, 1])
outliers = tf.concat([tf.fill([8, 1], 20.0), tf.zeros([120, 1])], axis=0)
y = x @ tf.constant([[2.0], [-1.0], [0.5]]) + noise + outliers
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
opt = keras.optimizers.SGD(0.05)

for epoch in range(3):
    with tf.GradientTape() as tape:
        loss = clipped_mse(model(x), y)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    print(epoch, float(loss))
