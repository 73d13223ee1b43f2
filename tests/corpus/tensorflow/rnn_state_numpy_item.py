# gradrepl-corpus: target=gain cause=numpy_roundtrip line=10 symptom=grad_none
import tensorflow as tf

gain = tf.Variable(0.9)
inputs = tf.constant([1.0, 0.5, -0.2, 0.3])

with tf.GradientTape() as tape:
    state = 0.0
    for u in inputs:
        state = (gain * state + u).numpy().item()
    loss = tf.square(tf.constant(state) - 1.0)
print(tape.gradient(loss, gain))
