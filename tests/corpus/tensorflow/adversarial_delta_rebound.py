# gradrepl-corpus: target=delta cause=variable_rebound line=19 symptom=grad_none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((10,)), tf.keras.layers.Dense(3)])
ce = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
x = tf.random.normal((4, 10))
y = tf.constant([0, 1, 2, 1])
eps, alpha = 0.1, 0.02

delta = tf.Variable(tf.zeros_like(x))
for it in range(3):
    with tf.GradientTape() as tape:
        loss = ce(y, model(x + delta))
    g = tape.gradient(loss, delta)
    if g is None:
        print("iteration", it, "got no gradient")
        break
    delta.assign_add(alpha * tf.sign(g))
    delta = tf.clip_by_value(delta, -eps, eps)
