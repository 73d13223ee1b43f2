# gradrepl-corpus: target=model.layers[0].kernel cause=stop_gradient line=7 symptom=grad_none
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((4,)),
    tf.keras.layers.Dense(8, activation="relu"),
    tf.keras.layers.Lambda(lambda t: tf.stop_gradient(t)),
    tf.keras.layers.Dense(1),
])
x = tf.random.normal((6, 4))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(model(x) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
print([g is None for g in grads])
