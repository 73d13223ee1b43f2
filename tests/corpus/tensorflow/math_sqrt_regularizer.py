# gradrepl-corpus: target=scale cause=python_value_roundtrip line=13 symptom=grad_none
import math
import tensorflow as tf

w = tf.Variable(tf.random.normal((4, 1)))
scale = tf.Variable(tf.ones((4, 1)))
x = tf.random.normal((20, 4))
y = tf.random.normal((20, 1))

with tf.GradientTape() as tape:
    pred = tf.matmul(x, w)
    mse = tf.reduce_mean((pred - y) ** 2)
    penalty = math.sqrt(tf.reduce_sum(scale * scale)) - 2.0
    loss = mse + 0.01 * penalty ** 2
gw, gs = tape.gradient(loss, [w, scale])
print(gw is None, gs is None)
