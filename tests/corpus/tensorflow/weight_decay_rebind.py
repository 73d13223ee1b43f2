# gradrepl-corpus: target=w cause=variable_rebound line=11 symptom=grad_none
import tensorflow as tf

w = tf.Variable(tf.random.normal((2, 1)))
x = tf.random.normal((8, 2))
y = tf.random.normal((8, 1))
for step in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((x @ w - y) ** 2)
    dw = tape.gradient(loss, w)
    w = w * 0.99
    if dw is not None:
        w.assign_sub(0.1 * dw) if isinstance(w, tf.Variable) else None
