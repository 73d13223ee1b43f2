# gradrepl-corpus: target=q_net.trainable_variables cause=stop_gradient line=18 symptom=error
import tensorflow as tf

q_net = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(2)])
target_net = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(2)])
opt = tf.keras.optimizers.Adam(1e-3)
gamma = 0.99

states = tf.random.normal((32, 4))
actions = tf.random.uniform((32,), 0, 2, dtype=tf.int32)
rewards = tf.random.normal((32,))
next_states = tf.random.normal((32, 4))

with tf.GradientTape() as tape:
    next_q = target_net(next_states)
    targets = rewards + gamma * tf.reduce_max(next_q, axis=1)
    q_all = q_net(states)
    q_taken = tf.stop_gradient(tf.gather(q_all, actions, batch_dims=1))
    loss = tf.reduce_mean(tf.square(tf.stop_gradient(targets) - q_taken))
grads = tape.gradient(loss, q_net.trainable_variables)
opt.apply_gradients(zip(grads, q_net.trainable_variables))
