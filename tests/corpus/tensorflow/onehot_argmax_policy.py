# gradrepl-corpus: target=policy.trainable_variables cause=non_differentiable_op line=11 symptom=grad_none
import tensorflow as tf

n_actions = 3
policy = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="tanh"), tf.keras.layers.Dense(n_actions)])
states = tf.random.normal((10, 4))
rewards = tf.random.normal((10, n_actions))

with tf.GradientTape() as tape:
    logits = policy(states)
    chosen = tf.one_hot(tf.argmax(logits, axis=-1), n_actions)
    objective = -tf.reduce_mean(tf.reduce_sum(chosen * rewards, axis=-1))
grads = tape.gradient(objective, policy.trainable_variables)
print(grads)
