# gradrepl-corpus: target=positions cause=int_dtype line=9 symptom=grad_none
import tensorflow as tf

table = tf.Variable(tf.random.normal((10, 4)))
positions = tf.Variable([1.2, 3.7, 8.1])

with tf.GradientTape() as tape:
    # look up the rows nearest to each learned position
    idx = tf.cast(positions, tf.int32)
    rows = tf.gather(table, idx)
    loss = tf.reduce_sum(rows ** 2)
print(tape.gradient(loss, [table, positions]))
