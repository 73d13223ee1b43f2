# gradrepl-corpus: target=gate_w cause=unused_variable line=5 symptom=grad_none
import tensorflow as tf

base_w = tf.Variable(tf.random.normal((4, 1)))
gate_w = tf.Variable(tf.zeros((4, 1)))
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))
warmup_epochs = 5

for epoch in range(2):
    with tf.GradientTape() as tape:
        out = tf.matmul(x, base_w)
        if epoch >= warmup_epochs:
            out = out * tf.sigmoid(tf.matmul(x, gate_w))
        loss = tf.reduce_mean(tf.square(out - y))
    g_base, g_gate = tape.gradient(loss, [base_w, gate_w])
    print(epoch, g_gate is None)
