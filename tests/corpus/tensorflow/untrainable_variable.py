# gradrepl-corpus: target=temperature cause=untrainable_variable line=4 symptom=grad_none
import tensorflow as tf

temperature = tf.Variable(1.0, trainable=False)
logits = tf.constant([[2.0, 1.0, 0.1]])

with tf.GradientTape() as tape:
    p = tf.nn.softmax(logits / temperature)
    loss = -tf.math.log(p[0, 0])
print(tape.gradient(loss, temperature))
