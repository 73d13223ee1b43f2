# gradrepl-corpus: target=probs cause=variable_rebound line=6 symptom=grad_none
import tensorflow as tf

probs = tf.Variable([0.2, 0.5, 0.3])
# keep the probabilities in range before optimising
probs = tf.clip_by_value(probs, 1e-6, 1.0)
target = tf.constant([0.1, 0.7, 0.2])

with tf.GradientTape() as tape:
    kl = tf.reduce_sum(target * tf.math.log(target / probs))
print(tape.gradient(kl, probs))
