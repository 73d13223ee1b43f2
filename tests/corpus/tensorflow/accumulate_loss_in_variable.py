# gradrepl-corpus: target=w cause=assign_breaks line=11 symptom=grad_none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 1)))
total_loss = tf.Variable(0.0, trainable=False)
batches = [(tf.random.normal((4, 3)), tf.random.normal((4, 1))) for _ in range(3)]

with tf.GradientTape() as tape:
    total_loss.assign(0.0)
    for xb, yb in batches:
        total_loss.assign_add(tf.reduce_mean(tf.square(tf.matmul(xb, w) - yb)))
    mean_loss = total_loss / len(batches)
grad = tape.gradient(mean_loss, w)
print(grad)
