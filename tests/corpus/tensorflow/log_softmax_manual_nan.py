# gradrepl-corpus: target=logits cause=nan_at_singularity line=9 symptom=grad_nan
import tensorflow as tf

logits = tf.Variable([[120.0, 0.0, -120.0], [3.0, 1.0, 0.2]])
labels = tf.constant([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])

with tf.GradientTape() as tape:
    probs = tf.nn.softmax(logits)
    log_probs = tf.math.log(probs)
    loss = -tf.reduce_mean(tf.reduce_sum(labels * log_probs, axis=1))
print(tape.gradient(loss, logits))
