# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import numpy as np
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 1)))
b = tf.Variable(0.0)
x = tf.random.normal((32, 3))
y = tf.matmul(x, tf.constant([[1.0], [-2.0], [0.5]])) + 0.3
history = []
print("initial w:", w.numpy().ravel())

for step in range(4):
    with tf.GradientTape() as tape:
        pred = tf.matmul(x, w) + b
        loss = tf.reduce_mean((pred - y) ** 2)
    gw, gb = tape.gradient(loss, [w, b])
    w.assign_sub(0.1 * gw)
    b.assign_sub(0.1 * gb)
    history.append(float(loss))
    print(step, np.mean(pred.numpy()), np.abs(gw.numpy()).max())
print("losses:", np.round(history, 3))
