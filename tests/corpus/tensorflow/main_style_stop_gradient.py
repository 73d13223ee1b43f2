# gradrepl-corpus: target=encoder.trainable_variables cause=stop_gradient line=10 symptom=grad_none
import tensorflow as tf


class Siamese:
    def __init__(self):
        self.encoder = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(4)])

    def embed(self, x):
        return tf.math.l2_normalize(tf.stop_gradient(self.encoder(x)), axis=1)

    def loss(self, a, b, same):
        d = tf.reduce_sum(tf.square(self.embed(a) - self.embed(b)), axis=1)
        return tf.reduce_mean(same * d + (1.0 - same) * tf.nn.relu(0.5 - d))


def run():
    net = Siamese()
    encoder = net.encoder
    a = tf.random.normal((8, 5))
    b = tf.random.normal((8, 5))
    same = tf.cast(tf.random.uniform((8,)) > 0.5, tf.float32)
    with tf.GradientTape() as tape:
        loss = net.loss(a, b, same)
    grads = tape.gradient(loss, encoder.trainable_variables)
    print([g is None for g in grads])


run()
