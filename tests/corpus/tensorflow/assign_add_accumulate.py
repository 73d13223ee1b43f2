# gradrepl-corpus: target=w cause=assign_breaks line=11 symptom=grad_none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3,)))
running = tf.Variable(0.0, trainable=False)
data = [tf.random.normal((3,)) for _ in range(4)]

with tf.GradientTape() as tape:
    running.assign(0.0)
    for d in data:
        running.assign_add(tf.tensordot(w, d, axes=1) ** 2)
    loss = running / 4.0
print(tape.gradient(loss, w))
