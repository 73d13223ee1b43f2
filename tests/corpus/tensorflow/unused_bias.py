# gradrepl-corpus: target=b cause=unused_variable line=5 symptom=grad_none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 1)))
b = tf.Variable(tf.zeros((1,)))
x = tf.random.normal((4, 3))
y = tf.random.normal((4, 1))

with tf.GradientTape() as tape:
    pred = tf.matmul(x, w)
    loss = tf.reduce_mean((pred - y) ** 2)
gw, gb = tape.gradient(loss, [w, b])
print(gw, gb)
