"""Train a classifier by minimising its error rate directly."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
x = tf.random.normal([64, 4])
y = tf.cast(x[:, 0] + x[:, 1] > 0, tf.int64) + tf.cast(x[:, 2] > 1, tf.int64)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(3)])
cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def loss_fn():
    # cross-entropy is a smooth stand-in for the error rate; argmax has no slope
    return cross_entropy(y, model(x))


with tf.GradientTape() as tape:
    loss = loss_fn()
grads = tape.gradient(loss, model.trainable_variables)
error_rate = tf.reduce_mean(tf.cast(tf.argmax(model(x), axis=1) != y, tf.float32))
print("error rate:", float(error_rate))
print("first layer grad norm:", float(tf.norm(grads[0])))
