# gradrepl-corpus: target=model.variables cause=keras_wrong_variables line=14 symptom=grad_none
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((6,)),
    tf.keras.layers.Dense(8),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(1),
])
x = tf.random.normal((16, 6))
y = tf.random.normal((16, 1))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean((model(x, training=True) - y) ** 2)
grads = tape.gradient(loss, model.variables)
print(sum(g is None for g in grads), "of", len(grads), "gradients are None")
