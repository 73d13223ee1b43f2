# gradrepl-corpus: target=net.w1 cause=stop_gradient line=13 symptom=grad_none
# gradrepl-corpus: target=net.w2 cause=none
import tensorflow as tf


class TwoLayer(tf.Module):
    def __init__(self):
        self.w1 = tf.Variable(tf.random.normal((4, 8)) * 0.1)
        self.w2 = tf.Variable(tf.random.normal((8, 1)) * 0.1)

    def __call__(self, x):
        h = tf.nn.relu(x @ self.w1)
        h = tf.stop_gradient(h)  # debugging leftover
        return h @ self.w2


net = TwoLayer()
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean((net(x) - y) ** 2)
grads = tape.gradient(loss, net.trainable_variables)
