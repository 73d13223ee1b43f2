"""SimSiam-style step: predict one view's embedding from the other view."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
dense = keras.layers.Dense
encoder = keras.Sequential([keras.Input((8,)), dense(16, activation="relu"), dense(8)])
predictor = keras.Sequential([keras.Input((8,)), dense(8, activation="relu"), dense(8)])
x = tf.random.normal([32, 8])
view1 = x + 0.1 * tf.random.normal([32, 8])
view2 = x + 0.1 * tf.random.normal([32, 8])
cosine = keras.losses.CosineSimilarity(axis=1)  # returns minus the mean cosine


def loss_fn():
    z1, z2 = encoder(view1), encoder(view2)
    p1 = predictor(z1)
    # stop the gradient on the target side (z2); the predicting side must learn
    return cosine(tf.stop_gradient(z2), p1)


with tf.GradientTape() as tape:
    loss = loss_fn()
variables = encoder.trainable_variables + predictor.trainable_variables
grads = tape.gradient(loss, variables)
print("predictor grad:", grads[len(encoder.trainable_variables)])
