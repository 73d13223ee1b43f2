"""Fine-tune a pretrained MLP: freeze the first block, train the second and the head."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input((8,)),
    keras.layers.Dense(32, activation="relu"),  # block 1 (keep frozen)
    keras.layers.Dense(32, activation="relu"),  # block 2 (fine-tune)
    keras.layers.Dense(3),  # new head
])
for layer in model.layers[:1]:  # block 1 only; layers[:-1] would freeze block 2 as well
    layer.trainable = False

opt = keras.optimizers.Adam(1e-3)
cross_entropy = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
x = tf.random.normal([16, 8])
y = tf.random.uniform([16], maxval=3, dtype=tf.int32)
with tf.GradientTape() as tape:
    loss = cross_entropy(y, model(x))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
print("trained:", [v.path for v in model.trainable_variables])
