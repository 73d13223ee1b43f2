# gradrepl-corpus: target=prior_logvar cause=outside_tape line=14 symptom=grad_none
import tensorflow as tf

enc_w = tf.Variable(tf.random.normal((6, 2)) * 0.1)
dec_w = tf.Variable(tf.random.normal((2, 6)) * 0.1)
prior_logvar = tf.Variable(tf.zeros((2,)))
x = tf.random.normal((16, 6))

with tf.GradientTape() as tape:
    z_mean = tf.matmul(x, enc_w)
    recon = tf.matmul(z_mean, dec_w)
    rec_loss = tf.reduce_mean(tf.reduce_sum(tf.square(recon - x), axis=1))
    with tape.stop_recording():
        kl = 0.5 * tf.reduce_mean(tf.reduce_sum(tf.square(z_mean) * tf.exp(-prior_logvar) + prior_logvar, axis=1))
    loss = rec_loss + kl
grads = tape.gradient(loss, [enc_w, dec_w, prior_logvar])
print([g is None for g in grads])
