# gradrepl-corpus: target=model.trainable_variables cause=python_value_roundtrip line=15 symptom=grad_none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(3)])
loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
features = tf.random.normal((6, 4))
labels = tf.constant([0, 1, 2, 0, 1, 2])


def loss(model, x, y):
    logits = model(x)
    losses = []
    for i in range(y.shape[0]):
        losses.append(float(loss_object(y[i:i + 1], logits[i:i + 1])))
    spread = np.std(losses) + np.mean(losses)
    return tf.convert_to_tensor(spread, dtype=tf.float32)


with tf.GradientTape() as tape:
    loss_value = loss(model, features, labels)
grads = tape.gradient(loss_value, model.trainable_variables)
print(grads)
