# gradrepl-corpus: target=w cause=numpy_roundtrip line=10 symptom=grad_none
import numpy as np
import tensorflow as tf

w = tf.Variable(tf.ones((3,)))
x = tf.random.normal((5, 3))

with tf.GradientTape() as tape:
    scores = tf.linalg.matvec(x, w)
    penalty = np.mean(np.square(scores))
    loss = tf.convert_to_tensor(penalty) + 0.0
print(tape.gradient(loss, w))
