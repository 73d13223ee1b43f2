# gradrepl-corpus: target=q cause=none
import tensorflow as tf

q = tf.Variable(tf.random.normal((4, 3)))
with tf.GradientTape() as tape:
    greedy = tf.argmax(q, axis=1)
    chosen = tf.gather(q, greedy, batch_dims=1)
    loss = tf.reduce_sum(chosen ** 2)
print(tape.gradient(loss, q))
