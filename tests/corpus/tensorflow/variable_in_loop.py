# gradrepl-corpus: target=w cause=variable_rebound line=12 symptom=error
import tensorflow as tf

w = tf.Variable([[0.5], [0.5]])
x = tf.constant([[1.0, 2.0], [3.0, 4.0]])
y = tf.constant([[1.0], [2.0]])
for step in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((tf.matmul(x, w) - y) ** 2)
    grad = tape.gradient(loss, w)
    print(step, float(loss), grad is None)
    w = w - 0.01 * grad
