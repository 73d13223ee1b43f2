# gradrepl-corpus: target=x cause=tape_watch_after_compute line=8 symptom=grad_none
import tensorflow as tf

x = tf.constant([0.5, 1.5])

with tf.GradientTape() as tape:
    y = tf.exp(x) * 2.0
    tape.watch(x)
    loss = tf.reduce_sum(y)
print(tape.gradient(loss, x))
