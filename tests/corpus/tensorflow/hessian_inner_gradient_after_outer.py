# gradrepl-corpus: target=x cause=outside_tape line=8 symptom=grad_none
import tensorflow as tf

x = tf.Variable(1.5)
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        y = tf.sin(x) * x ** 2
dy_dx = inner.gradient(y, x)
d2y_dx2 = outer.gradient(dy_dx, x)
print(float(dy_dx), d2y_dx2)
