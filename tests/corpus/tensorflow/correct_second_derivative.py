# gradrepl-corpus: target=x cause=none
import tensorflow as tf

x = tf.Variable([0.5, 1.0, 2.0])
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        y = tf.reduce_sum(tf.exp(-x) * x ** 3)
    dy_dx = inner.gradient(y, x)
d2y_dx2 = outer.gradient(dy_dx, x)
print(dy_dx.numpy(), d2y_dx2.numpy())
