"""Policy-gradient entropy bonus with illegal actions masked out."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
policy = keras.layers.Dense(5)
states = tf.random.normal([8, 4])
legal = tf.constant([True, True, False, True, False])  # actions 2 and 4 are illegal
policy.build((None, 4))


def loss_fn():
    logits = tf.where(legal, policy(states), float("-inf"))
    probs = tf.nn.softmax(logits)  # exactly 0 for the illegal actions
    # log(0) has an infinite slope even in the branch tf.where drops: feed it 1 there
    safe = tf.where(probs > 0, probs, 1.0)
    plogp = tf.where(probs > 0, probs * tf.math.log(safe), 0.0)
    return 0.01 * tf.reduce_mean(tf.reduce_sum(plogp, axis=-1))  # = -0.01 * entropy


with tf.GradientTape() as tape:
    loss = loss_fn()
grads = tape.gradient(loss, policy.trainable_variables)
print("entropy:", -float(loss) / 0.01)
print("kernel grad:", grads[0])
