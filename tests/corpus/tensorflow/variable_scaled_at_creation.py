# gradrepl-corpus: target=W cause=variable_rebound line=6 symptom=grad_none
import tensorflow as tf

n_in, n_out = 6, 3
x = tf.random.normal((20, n_in))
W = tf.Variable(tf.random.normal((n_in, n_out))) / tf.sqrt(float(n_in))
b = tf.Variable(tf.zeros((n_out,)))
y = tf.one_hot(tf.random.uniform((20,), 0, n_out, dtype=tf.int32), n_out)
with tf.GradientTape() as tape:
    logits = tf.matmul(x, W) + b
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(y, logits))
dW, db = tape.gradient(loss, [W, b])
print(dW, db is None)
