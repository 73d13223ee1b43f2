# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import tensorflow as tf

w = tf.Variable([[0.3], [-0.2]])
b = tf.Variable([0.1])
x = tf.constant([[1.0, 2.0], [0.5, -1.0], [2.0, 0.0]])
y = tf.constant([[1.0], [0.0], [2.0]])

with tf.GradientTape(persistent=True) as tape:
    pred = tf.matmul(x, w) + b
    data_loss = tf.reduce_mean(tf.square(pred - y))
    reg = 0.01 * tf.reduce_sum(tf.square(w))
g_data = tape.gradient(data_loss, [w, b])
g_reg = tape.gradient(reg, w)
del tape
print(g_data, g_reg)
