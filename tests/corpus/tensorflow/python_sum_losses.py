# gradrepl-corpus: target=w cause=python_value_roundtrip line=11 symptom=error
import tensorflow as tf

w = tf.Variable([1.0, -1.0])
batches = [tf.random.normal((4, 2)) for _ in range(3)]

with tf.GradientTape() as tape:
    total = 0.0
    for xb in batches:
        batch_loss = tf.reduce_mean(tf.linalg.matvec(xb, w) ** 2)
        total += batch_loss.numpy().item() if False else float(batch_loss)
grad = tape.gradient(total, w)
