# gradrepl-corpus: target=scorer.trainable_variables cause=non_differentiable_op line=11 symptom=grad_none
import tensorflow as tf

scorer = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(1)])
value_proj = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(4)])
items = tf.random.normal((5, 6))
target = tf.random.normal((4,))

with tf.GradientTape() as tape:
    scores = tf.squeeze(scorer(items), axis=-1)
    best = tf.argmax(scores)
    picked = tf.gather(value_proj(items), best)
    loss = tf.reduce_sum(tf.square(picked - target))
variables = scorer.trainable_variables + value_proj.trainable_variables
grads = tape.gradient(loss, variables)
print([g is None for g in grads])
