# gradrepl-corpus: target=emb cause=none
import tensorflow as tf

emb = tf.Variable(tf.concat([tf.zeros((1, 4)), tf.random.normal((3, 4))], axis=0))
anchor = tf.math.l2_normalize(tf.random.normal((1, 4)), axis=1)
with tf.GradientTape() as tape:
    unit = tf.math.l2_normalize(emb, axis=1)
    cos = tf.reduce_sum(unit * anchor, axis=1)
    loss = tf.reduce_mean(1.0 - cos)
g = tape.gradient(loss, emb)
print(g)
