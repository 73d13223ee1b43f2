# gradrepl-corpus: target=policy.trainable_variables cause=non_differentiable_op line=11 symptom=error
import tensorflow as tf

policy = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(3)])
opt = tf.keras.optimizers.Adam(1e-3)
payoff = tf.constant([1.0, -0.5, 0.2])
states = tf.random.normal((32, 4))

with tf.GradientTape() as tape:
    logits = policy(states)
    actions = tf.random.categorical(logits, num_samples=1)[:, 0]
    rewards = tf.gather(payoff, actions)
    loss = -tf.reduce_mean(rewards)
grads = tape.gradient(loss, policy.trainable_variables)
opt.apply_gradients(zip(grads, policy.trainable_variables))
