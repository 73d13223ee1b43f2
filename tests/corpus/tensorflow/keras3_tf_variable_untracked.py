# gradrepl-corpus: target=layer.gain cause=keras_wrong_variables line=25 symptom=grad_none
import tensorflow as tf


class ScaledDense(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self.gain = tf.Variable(1.0, name="gain")

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform", name="kernel")

    def call(self, x):
        return self.gain * tf.matmul(x, self.kernel)


layer = ScaledDense(2)
opt = tf.keras.optimizers.SGD(0.1)
x = tf.random.normal((8, 3))
target = tf.random.normal((8, 2))
for step in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(layer(x) - target))
    grads = tape.gradient(loss, layer.trainable_variables)
    opt.apply_gradients(zip(grads, layer.trainable_variables))
print(float(layer.gain.numpy()))
