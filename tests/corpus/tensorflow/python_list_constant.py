# gradrepl-corpus: target=w cause=python_value_roundtrip line=10 symptom=grad_none
import tensorflow as tf

w = tf.Variable([0.5, 1.5])
xs = [tf.constant([1.0, 2.0]), tf.constant([3.0, 1.0]), tf.constant([0.0, 2.0])]

with tf.GradientTape() as tape:
    scores = []
    for x in xs:
        scores.append(float(tf.reduce_sum(w * x)))
    loss = tf.reduce_sum(tf.constant(scores) ** 2)
print(tape.gradient(loss, w))
