# gradrepl-corpus: target=w2 cause=constant_not_watched line=7 symptom=grad_none
import tensorflow as tf

w1 = tf.Variable(1.0)
w2 = tf.Variable(2.0)
x = tf.constant(3.0)
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(w1)
    y = w1 * x + w2 * x * x
print(tape.gradient(y, [w1, w2]))
