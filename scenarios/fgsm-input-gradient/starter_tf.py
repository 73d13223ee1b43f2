"""Fast gradient sign attack (FGSM) on a small classifier."""
import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(3)])
cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
batch = np.random.default_rng(0).normal(size=(4, 8))
labels = tf.constant([0, 2, 1, 0])

images = tf.constant(batch, dtype=tf.float32)
with tf.GradientTape() as tape:
    loss = cross_entropy(labels, model(images))
grad = tape.gradient(loss, images)

epsilon = 0.5
adversarial = images + epsilon * tf.sign(grad)
print("loss on clean inputs:", float(loss))
print("loss on attacked inputs:", float(cross_entropy(labels, model(adversarial))))
