# gradrepl-corpus: target=emb cause=where_nan line=9 symptom=grad_nan
import tensorflow as tf

emb = tf.Variable([[0.0, 1.0], [0.0, 1.0], [2.0, 0.5]])

with tf.GradientTape() as tape:
    diff = emb[:, None, :] - emb[None, :, :]
    d2 = tf.reduce_sum(diff ** 2, axis=-1)
    dist = tf.where(d2 > 0.0, d2 ** 0.5, tf.zeros_like(d2))
    loss = -tf.reduce_mean(dist)
print(tape.gradient(loss, emb))
