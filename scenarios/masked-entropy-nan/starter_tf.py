"""Policy-gradient entropy bonus with illegal actions masked out."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
policy = keras.layers.Dense(5)
states = tf.random.normal([8, 4])
legal = tf.constant([True, True, False, True, False])  # actions 2 and 4 are illegal
policy.build((None, 4))

with tf.GradientTape() as tape:
    logits = tf.where(legal, policy(states), float("-inf"))
    probs = tf.nn.softmax(logits)  # exactly 0 for the illegal actions
    # 0 * log(0) counts as 0 in the entropy
    plogp = tf.where(probs > 0, probs * tf.math.log(probs), 0.0)
    entropy = -tf.reduce_mean(tf.reduce_sum(plogp, axis=-1))
    loss = -0.01 * entropy
grads = tape.gradient(loss, policy.trainable_variables)
print("entropy:", float(entropy))
print("kernel grad:", grads[0])
