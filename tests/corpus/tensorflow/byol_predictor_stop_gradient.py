# gradrepl-corpus: target=predictor.trainable_variables cause=stop_gradient line=18 symptom=grad_none
import tensorflow as tf

online = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(6)])
predictor = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(6)])
target_net = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(6)])


def byol_loss(p, z):
    p = tf.math.l2_normalize(p, axis=-1)
    z = tf.math.l2_normalize(z, axis=-1)
    return 2.0 - 2.0 * tf.reduce_mean(tf.reduce_sum(p * z, axis=-1))


view1 = tf.random.normal((16, 8))
view2 = view1 + 0.05 * tf.random.normal((16, 8))
with tf.GradientTape() as tape:
    p1 = tf.stop_gradient(predictor(online(view1)))
    z2 = tf.stop_gradient(target_net(view2))
    loss = byol_loss(p1, z2)
variables = online.trainable_variables + predictor.trainable_variables
grads = tape.gradient(loss, variables)
print(sum(g is None for g in grads), "of", len(grads), "are None")
