# gradrepl-corpus: target=critic.trainable_variables cause=tape_reused line=23 symptom=error
import tensorflow as tf

actor = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(2)])
critic = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
a_opt = tf.keras.optimizers.Adam(1e-3)
c_opt = tf.keras.optimizers.Adam(1e-3)

states = tf.random.normal((8, 4))
actions = tf.constant([0, 1, 1, 0, 1, 0, 0, 1])
returns = tf.random.normal((8, 1))

with tf.GradientTape() as tape:
    logits = actor(states)
    values = critic(states)
    advantage = returns - values
    logp = -tf.keras.losses.sparse_categorical_crossentropy(actions, logits, from_logits=True)
    actor_loss = -tf.reduce_mean(logp * tf.stop_gradient(tf.squeeze(advantage, 1)))
    critic_loss = tf.reduce_mean(tf.square(advantage))

a_grads = tape.gradient(actor_loss, actor.trainable_variables)
a_opt.apply_gradients(zip(a_grads, actor.trainable_variables))
c_grads = tape.gradient(critic_loss, critic.trainable_variables)
c_opt.apply_gradients(zip(c_grads, critic.trainable_variables))
