# gradrepl-corpus: target=delta cause=tape_watch_after_compute line=13 symptom=grad_none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(3)])
x = tf.random.normal((2, 6))
labels = tf.constant([0, 2])
delta = tf.zeros_like(x)
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

with tf.GradientTape() as tape:
    logits = model(x + delta)
    loss = ce(labels, logits)
    tape.watch(delta)
g = tape.gradient(loss, delta)
