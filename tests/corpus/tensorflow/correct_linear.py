# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 1)))
b = tf.Variable(tf.zeros((1,)))
x = tf.random.normal((4, 3))
y = tf.random.normal((4, 1))
opt = tf.keras.optimizers.SGD(0.1)

for step in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((tf.matmul(x, w) + b - y) ** 2)
    grads = tape.gradient(loss, [w, b])
    opt.apply_gradients(zip(grads, [w, b]))
    print(step, float(loss))
