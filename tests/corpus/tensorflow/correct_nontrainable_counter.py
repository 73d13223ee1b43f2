# gradrepl-corpus: target=layer.kernel cause=none
import tensorflow as tf


class CountingDense(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self.calls = tf.Variable(0, trainable=False, dtype=tf.int64)
        self.running_mean = tf.Variable(0.0, trainable=False)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform")

    def call(self, x):
        self.calls.assign_add(1)
        out = tf.matmul(x, self.kernel)
        self.running_mean.assign(0.9 * self.running_mean + 0.1 * tf.reduce_mean(out))
        return out


layer = CountingDense(3)
opt = tf.keras.optimizers.SGD(0.1)
x = tf.random.normal((6, 4))
for _ in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(layer(x)))
    grads = tape.gradient(loss, layer.trainable_variables)
    opt.apply_gradients(zip(grads, layer.trainable_variables))
print(int(layer.calls.numpy()), float(layer.running_mean.numpy()))
