# gradrepl-corpus: target=x cause=variable_rebound line=9 symptom=grad_none
import tensorflow as tf

x = tf.Variable(2.0)
for epoch in range(2):
    with tf.GradientTape() as tape:
        y = x * x + 1.0
    print(tape.gradient(y, x))
    x = x - 0.1 * 2.0 * x
