# gradrepl-corpus: target=x cause=variable_rebound line=5 symptom=grad_none
import tensorflow as tf

x = tf.Variable(2.0)
x = x + 1.0
with tf.GradientTape() as tape:
    y = x ** 3 + 2.0 * x
dy_dx = tape.gradient(y, x)
print("dy/dx at", float(x), "=", dy_dx)
