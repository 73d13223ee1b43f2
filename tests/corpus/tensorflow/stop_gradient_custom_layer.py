# gradrepl-corpus: target=model.layers[0].kernel cause=stop_gradient line=10 symptom=grad_none
import tensorflow as tf


class Binarize(tf.keras.layers.Layer):
    """Forward: sign; backward: meant to be straight-through."""

    def call(self, x):
        hard = tf.sign(x)
        return tf.stop_gradient(hard - x) + tf.stop_gradient(x)


model = tf.keras.Sequential([
    tf.keras.Input((4,)),
    tf.keras.layers.Dense(6),
    Binarize(),
    tf.keras.layers.Dense(1),
])
x = tf.random.normal((10, 4))
y = tf.random.normal((10, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(model(x) - y))
grads = tape.gradient(loss, model.trainable_variables)
print([g is None for g in grads])
